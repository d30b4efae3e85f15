package io.tollgate.portal.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.tollgate.portal.common.PortalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The portal's one error handler: users get a short message, the log gets the details, nobody a stack trace. */
@Component
class PortalErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(PortalErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        String message = messageFor(known(event.getThrowable()));
        if (UI.getCurrent() != null) {
            UI.getCurrent().access(() -> {
                Notification notification = Notification.show(message, 5000, Notification.Position.TOP_CENTER);
                notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            });
        }
    }

    static String messageFor(Throwable error) {
        return switch (error) {
            case PortalException refused -> refused.getMessage();
            case AccessDeniedException denied -> "You do not have access to this";
            case OptimisticLockingFailureException stale -> "Someone else changed this meanwhile; reload and retry";
            case DataIntegrityViolationException conflict -> "This conflicts with existing data";
            default -> {
                log.error("Unexpected error in the portal", error);
                yield "Something went wrong; please try again";
            }
        };
    }

    /** The first cause the user can be told about, else the error itself. */
    private static Throwable known(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof PortalException || current instanceof AccessDeniedException
                    || current instanceof OptimisticLockingFailureException
                    || current instanceof DataIntegrityViolationException) {
                return current;
            }
        }
        return error;
    }
}
