/** The policy that admits a request only for a model the app holds an approved subscription to. */
@NullMarked
package io.tollgate.gateway.subscription;

import org.jspecify.annotations.NullMarked;
