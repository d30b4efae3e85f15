package io.tollgate.portal.common;

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
}
