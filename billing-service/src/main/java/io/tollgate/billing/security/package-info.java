@NullMarked
package io.tollgate.billing.security;

import org.jspecify.annotations.NullMarked;
