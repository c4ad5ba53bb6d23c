/**
 * Paged reads both components share: a {@link io.github.camelsaas.common.paging.PageSource} fetches one page (a
 * Zuora cursor, a Kustomer next-page link), and the {@link io.github.camelsaas.common.paging.PagedRecordIterator}
 * hands its records out lazily, fetching the next page only when the current one is used up.
 */
package io.github.camelsaas.common.paging;
