package io.tollgate.portal.common;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.Optional;

/** Binder helpers for record-backed forms. */
public final class Forms {

    private Forms() {
    }

    /** The record when every field is valid; otherwise empty, with the field messages shown. */
    public static <T> Optional<T> valid(Binder<T> binder) {
        try {
            return Optional.of(binder.writeRecord());
        } catch (ValidationException invalid) {
            return Optional.empty();
        }
    }

    /** Whether both dates are set and the range does not end before it starts (then the end field says so). */
    public static boolean validRange(DatePicker from, DatePicker to, String rangeName) {
        if (from.isEmpty() || to.isEmpty()) {
            return false;
        }
        boolean backwards = to.getValue().isBefore(from.getValue());
        to.setInvalid(backwards);
        to.setErrorMessage(backwards ? "The " + rangeName + " ends before it starts" : null);
        return !backwards;
    }

    /** An optional positive limit bound to an Integer property; empty means no limit, shown as the placeholder. */
    public static <T> IntegerField optionalLimit(Binder<T> binder, String property, String label, String none) {
        IntegerField field = limitField(label, none);
        binder.forField(field).withValidator(v -> v == null || v > 0, "Positive, or empty for " + none).bind(property);
        return field;
    }

    /** The same for a Long property (token counts). */
    public static <T> IntegerField optionalLongLimit(Binder<T> binder, String property, String label, String none) {
        IntegerField field = limitField(label, none);
        binder.forField(field).withValidator(v -> v == null || v > 0, "Positive, or empty for " + none)
                .withConverter(v -> v == null ? null : v.longValue(), v -> v == null ? null : Math.toIntExact(v))
                .bind(property);
        return field;
    }

    private static IntegerField limitField(String label, String none) {
        IntegerField field = new IntegerField(label);
        field.setPlaceholder(none);
        return field;
    }
}
