/**
 * The failure model shared by both components: every input record of an exchange ends as exactly one
 * {@link io.github.camelsaas.common.failure.RecordOutcome}: a success, or a
 * {@link io.github.camelsaas.common.failure.FailedRecord}. An
 * {@link io.github.camelsaas.common.failure.OutcomeCollector} enforces that each record is settled exactly once,
 * and a {@link io.github.camelsaas.common.failure.PartialFailureException} reports the failed ones to the route
 * so that {@code onException} can dead-letter exactly those.
 */
package io.github.camelsaas.common.failure;
