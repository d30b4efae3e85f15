/** A tenant's registered applications: what API keys, subscriptions and budgets belong to. */
@NullMarked
package io.tollgate.model.app;

import org.jspecify.annotations.NullMarked;
