package io.tollgate.portal.finance;

import java.math.BigDecimal;

/**
 * One line of a chargeback: the metered cost exactly as the gateway recorded it, and what the tenant is charged
 * after its markup or discount, unrounded (a chargeback is an internal allocation, not an invoice).
 */
public record ChargebackRow(String name, long requests, long promptTokens, long completionTokens,
                            BigDecimal meteredUsd, BigDecimal chargedUsd) {
}
