/** The built-in mock provider for demos and tests: answers without a network. */
@NullMarked
package io.tollgate.gateway.provider.mock;

import org.jspecify.annotations.NullMarked;
