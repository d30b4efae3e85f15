/** API keys: generated, stored only as prefix and HMAC, and their usage. */
@NullMarked
package io.tollgate.model.apikey;

import org.jspecify.annotations.NullMarked;
