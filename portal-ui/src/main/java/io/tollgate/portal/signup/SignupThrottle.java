package io.tollgate.portal.signup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tollgate.portal.common.PortalException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Counts sign-ups per e-mail address and per client address in fixed windows that start with the first attempt. The
 * counts live in this process: enough to stop one client from flooding an inbox or the pending sign-ups table; with
 * several portal replicas each one counts on its own.
 */
@Component
class SignupThrottle {

    private final SignupProperties properties;
    private final Cache<String, AtomicInteger> attempts;

    SignupThrottle(SignupProperties properties) {
        this.properties = properties;
        this.attempts = Caffeine.newBuilder().expireAfterWrite(properties.throttleWindow()).maximumSize(100_000).build();
    }

    /** Counts the attempt, or refuses it when the address or the client has used up its window. */
    void acquire(String email, String clientAddress) {
        boolean addressOver = count("address:" + email) > properties.maxPerAddress();
        boolean clientOver = count("client:" + clientAddress) > properties.maxPerClient();
        if (addressOver || clientOver) {
            throw new PortalException("Too many sign-ups; please try again later");
        }
    }

    private int count(String key) {
        return attempts.get(key, k -> new AtomicInteger()).incrementAndGet();
    }
}
