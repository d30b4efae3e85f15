package io.tollgate.portal.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Remembers each test context's security context strategy (Vaadin's keeps its own thread-local), so a test signs
 * in where the services look even when more than one Spring context is cached.
 */
@Component
class SecurityContexts {

    static final List<SecurityContextHolderStrategy> STRATEGIES = new CopyOnWriteArrayList<>();

    SecurityContexts(SecurityContextHolderStrategy strategy) {
        STRATEGIES.add(strategy);
    }
}
