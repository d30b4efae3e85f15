package io.tollgate.portal.finance;

import java.time.LocalDate;

/** A chargeback report: the days [from, to] (UTC, both included) broken down by one dimension. */
public record ChargebackQuery(LocalDate from, LocalDate to, Dimension by) {

    public enum Dimension {
        TENANT("Tenant"), APP("App"), MODEL("Model"), TAG("Tags");

        private final String label;

        Dimension(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
