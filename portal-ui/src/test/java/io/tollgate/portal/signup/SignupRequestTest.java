package io.tollgate.portal.signup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignupRequestTest {

    @Test
    void the_password_never_shows_in_to_string() {
        var request = new SignupRequest("Acme", "Ada", "ada@acme.test", "a-long-signup-password");

        assertThat(request.toString())
                .doesNotContain("a-long-signup-password")
                .isEqualTo("SignupRequest[organisation=Acme, displayName=Ada, email=ada@acme.test, password=<redacted>]");
    }
}
