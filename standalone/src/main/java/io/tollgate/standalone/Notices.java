package io.tollgate.standalone;

/** The lines the launcher prints, aligned in one column. */
final class Notices {

    private Notices() {
    }

    static String ready(String service, String url) {
        return "%-10sready  %s".formatted(service, url);
    }

    static String login(String who, String email, String password) {
        return "%-10slogin  %s  password %s  (shown once)".formatted(who, email, password);
    }

    static String apiKey(String plaintext) {
        return "%-10skey    %s  (shown once)".formatted("Demo", plaintext);
    }
}
