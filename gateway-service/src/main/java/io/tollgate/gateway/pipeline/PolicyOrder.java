package io.tollgate.gateway.pipeline;

/** Where each policy runs in the chain; the gaps leave room for policies that come later. */
public final class PolicyOrder {

    public static final int AUTH = 1000;
    /** Another API's body becomes the canonical form (Anthropic's Messages to OpenAI's chat) before it is validated. */
    public static final int TRANSLATION = 1200;
    public static final int VALIDATION = 1500;
    public static final int SUBSCRIPTION = 2000;
    /** A spent DOWNGRADE budget swaps the model before limits, so the served model's limits apply. */
    public static final int BUDGET_DOWNGRADE = 2500;
    public static final int LIMITS = 3000;
    public static final int BUDGET = 4000;
    public static final int CACHE = 5000;
    public static final int ROUTING = 6000;

    private PolicyOrder() {
    }
}
