@NullMarked
package io.tollgate.billing.jobs;

import org.jspecify.annotations.NullMarked;
