package io.tollgate.model.invoice;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last invoice number taken in one year; the row is locked while the next number is taken, so numbers have no gaps. */
@Entity
@Table(name = "invoice_number_sequences")
public class InvoiceNumberSequence extends PersistableEntity<Integer> {

    @Id
    private Integer year;
    private int lastValue;

    protected InvoiceNumberSequence() {
    }

    public InvoiceNumberSequence(int year) {
        this.year = year;
    }

    /** Takes the next number of the year, e.g. 42 for {@code TG-2026-000042}. */
    public int next() {
        lastValue = Math.addExact(lastValue, 1);
        return lastValue;
    }

    @Override
    public Integer getId() {
        return year;
    }

    public int getYear() {
        return year;
    }

    public int getLastValue() {
        return lastValue;
    }
}
