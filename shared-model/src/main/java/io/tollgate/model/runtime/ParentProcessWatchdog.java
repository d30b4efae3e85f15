package io.tollgate.model.runtime;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends this service when the process that started it disappears. The standalone launcher passes its pid in
 * {@code TOLLGATE_PARENT_PID}; it stops its children itself on SIGINT/SIGTERM, but a launcher killed with
 * SIGKILL cannot, and without this watchdog its services would keep running and holding their ports.
 */
@Component
public class ParentProcessWatchdog {

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatchdog.class);

    private final ApplicationContext context;
    private final Optional<Long> parentPid;

    public ParentProcessWatchdog(ApplicationContext context, @Value("${TOLLGATE_PARENT_PID:}") String parentPid) {
        this.context = context;
        this.parentPid = parentPid.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(parentPid.strip()));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void watchParent() {
        parentPid.ifPresent(pid -> ProcessHandle.of(pid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(this::exitWithoutParent),
                this::exitWithoutParent));
    }

    private void exitWithoutParent() {
        log.warn("The launcher (pid {}) is gone: shutting down", parentPid.orElseThrow());
        System.exit(SpringApplication.exit(context, () -> 1));
    }
}
