/**
 * Batching: the {@link io.github.camelsaas.common.batch.Chunker} cuts an exchange's list of records into as few
 * requests as the vendor's count and size limits allow, and the {@link io.github.camelsaas.common.batch.Coalescer}
 * gathers records from many single-record exchanges into one request.
 */
package io.github.camelsaas.common.batch;
