package io.tollgate.portal.signup;

import io.tollgate.model.crypto.Redacted;

/** What a new organisation gives to sign up: its name, and its first administrator. */
public record SignupRequest(String organisation, String displayName, String email, String password) {

    @Override
    public String toString() {
        return "SignupRequest[organisation=" + organisation + ", displayName=" + displayName + ", email=" + email
                + ", password=" + Redacted.secret(password) + "]";
    }
}
