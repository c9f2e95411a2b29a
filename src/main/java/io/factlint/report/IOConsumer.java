package io.factlint.report;

import java.io.IOException;

/** A consumer that may fail with an {@link IOException}, such as the body of a report written to a stream. */
@FunctionalInterface
public interface IOConsumer<T> {
    void accept(T t) throws IOException;
}
