/**
 * A stateful fake of Kustomer's REST API for tests, examples and benchmarks: {@link
 * io.github.camelsaas.simulator.kustomer.KustomerSimulator} is the entry point, {@link
 * io.github.camelsaas.simulator.kustomer.StoredObject} and {@link io.github.camelsaas.simulator.kustomer.BulkJob}
 * what its inspection methods answer.
 *
 * <p>Inside, one class per job: {@code RouteTable} and {@code PathTemplate} route a call, the {@code *Endpoints}
 * classes answer it, {@code ResourceRules}, {@code FieldRules} and {@code CustomAttributeRules} check bodies,
 * {@code RecordFactory} builds records and {@code CreateCommit} stores them once {@code KustomerRateLimits} agrees,
 * {@code KustomerStore} holds them, {@code ResourceRenderer} and {@code JsonApi} render JSON:API answers and
 * {@code ApiException} the {@code errors[]} envelope.
 */
package io.github.camelsaas.simulator.kustomer;
