package io.tollgate.portal.common;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** The few UI habits every view shares: confirmations, dialogs, notices, empty states and time display. */
public final class Ui {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Ui() {
    }

    public static void confirm(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, confirmed -> action.run());
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    public static Dialog dialog(String header, Component content) {
        Dialog dialog = new Dialog(content);
        dialog.setHeaderTitle(header);
        dialog.setWidth("min(36rem, 95vw)");
        dialog.open();
        return dialog;
    }

    public static void success(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static Paragraph emptyState(String text) {
        Paragraph empty = new Paragraph(text);
        empty.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Padding.MEDIUM);
        empty.addClassName("empty-state");
        return empty;
    }

    public static String time(@Nullable Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }
}
