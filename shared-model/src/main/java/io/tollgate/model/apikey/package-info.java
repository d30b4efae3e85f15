/** API keys: generated, stored only as prefix and HMAC (the key entity, tenant-scoped), with their last use. */
@NullMarked
package io.tollgate.model.apikey;

import org.jspecify.annotations.NullMarked;
