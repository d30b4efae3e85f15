@NullMarked
package io.tollgate.billing.api;

import org.jspecify.annotations.NullMarked;
