@NullMarked
package io.tollgate.billing.export;

import org.jspecify.annotations.NullMarked;
