/**
 * The platform's model catalog: models with their effective-dated prices, providers and their deployments. These rows
 * are the platform's own (no tenant column) and only platform administrators change them.
 */
@NullMarked
package io.tollgate.model.catalog;

import org.jspecify.annotations.NullMarked;
