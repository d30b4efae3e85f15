package io.tollgate.portal.apps;

/**
 * Whether the gateway's exact response cache serves an app.
 *
 * @param enabled          identical requests (same tenant, model and body) may be answered from the cache, at no cost
 * @param nondeterministic also requests whose answer can vary between calls (temperature above 0 or not set, a
 *                         {@code user} field); only with {@code enabled}
 */
public record AppCacheSettings(boolean enabled, boolean nondeterministic) {

    public static final AppCacheSettings OFF = new AppCacheSettings(false, false);

    public AppCacheSettings {
        nondeterministic = enabled && nondeterministic;
    }

    /** How the apps grid shows it. */
    public String label() {
        return !enabled ? "Off" : nondeterministic ? "On, any request" : "On, deterministic requests";
    }
}
