package io.tollgate.portal.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.portal.common.PortalException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final String EMAIL = "ada.lovelace@example.test";
    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"winniethepooh", "WinnieThePooh", "password1234", "Password2024!", "letmein12345",
            "qwertyuiop123", "abcabcabcabc", "aaaaaaaaaaaa", "monkeymonkeymonkey"})
    void common_and_breached_style_passwords_are_refused(String password) {
        assertThatThrownBy(() -> policy.check(password, EMAIL)).isInstanceOf(PortalException.class)
                .hasMessageContaining("too common");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada.lovelace@example.test", "ADA.LOVELACE@example.test!!", "my ada.lovelace secret"})
    void passwords_equal_to_or_containing_the_address_are_refused(String password) {
        assertThatThrownBy(() -> policy.check(password, EMAIL)).isInstanceOf(PortalException.class)
                .hasMessageContaining("e-mail address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "elevenchars"})
    void passwords_shorter_than_twelve_characters_are_refused(String password) {
        assertThatThrownBy(() -> policy.check(password, EMAIL)).isInstanceOf(PortalException.class)
                .hasMessageContaining("12 to 200 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "violet-kettle-orbit-42", "Tr0ub4dor&3-extended"})
    void long_uncommon_passwords_pass(String password) {
        assertThatCode(() -> policy.check(password, EMAIL)).doesNotThrowAnyException();
    }
}
