package io.tollgate.gateway.budget;

import io.tollgate.gateway.metering.UsageListener;

/** The gateway's budget booking in the usage writer's transaction, for benches outside this package. */
public final class BudgetBooking {

    private BudgetBooking() {
    }

    public static UsageListener spendWriter() {
        return new BudgetSpendWriter();
    }
}
