package io.tollgate.portal.signup;

/** What a new organisation gives to sign up: its name, and its first administrator. */
public record SignupRequest(String organisation, String displayName, String email, String password) {
}
