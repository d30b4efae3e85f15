package io.tollgate.gateway.provider.http;

/** Where an adapter puts the headers of a provider's requests: once per provider version, or on one request. */
@FunctionalInterface
public interface RequestHeaders {

    /** Sets a header; a request's own header replaces the provider's constant header of the same name. */
    void set(CharSequence name, CharSequence value);
}
