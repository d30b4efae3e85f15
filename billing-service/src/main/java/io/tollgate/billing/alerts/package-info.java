@NullMarked
package io.tollgate.billing.alerts;

import org.jspecify.annotations.NullMarked;
