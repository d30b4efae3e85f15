/** The model catalog: models, providers, deployments and effective-dated prices. */
@NullMarked
package io.tollgate.model.catalog;

import org.jspecify.annotations.NullMarked;
