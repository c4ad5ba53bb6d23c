package io.github.camelsaas.benchmarks.stub;

/** A running Zuora stub, in this JVM or another: where it listens, what it saw. */
public interface ZuoraStubHandle extends AutoCloseable {

    String baseUrl();

    StubStats stats();

    void reset();

    @Override
    void close();

    /** A stub in this JVM, on its own thread pool (for tests; the harness prefers {@link ForkedZuoraStub}). */
    static ZuoraStubHandle inProcess(int threads) {
        try {
            ZuoraStub stub = ZuoraStub.start(0, threads);
            return new ZuoraStubHandle() {
                @Override
                public String baseUrl() {
                    return stub.baseUrl();
                }

                @Override
                public StubStats stats() {
                    return stub.stats();
                }

                @Override
                public void reset() {
                    stub.reset();
                }

                @Override
                public void close() {
                    stub.close();
                }
            };
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot start the Zuora stub", e);
        }
    }
}
