package com.resellerhub.billing.promise;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The promise expiry sweep ({@code billing.promises.expiry-sweep.*}; see {@code docs/promised-payments.md#expiry}):
 * every node looks for ACTIVE promises whose days are over and closes them in chunks, each chunk in one transaction
 * with the end of its promises' processes.
 *
 * @param enabled whether this node sweeps (default true). With the sweep off on every node, each promise is closed
 *     by its own process's timer at its end.
 * @param poll how long the sweep rests between two looks (default PT2S): a promise is closed at most this long plus
 *     the time of the sweep after its end; a look that finds nothing due is one indexed query
 * @param chunkSize promises closed in one transaction (default 250)
 * @param threads chunks closed in parallel on this node (default 4: on two cores, four chunks keep the app and the
 *     database busy while each waits for the other; measured in the README)
 * @param backstop how long after a promise's end its process's own timer closes it, when no sweep did (default PT15M:
 *     every node's sweep off or failing); the timer's job is retried and ends in an incident like any step
 */
@Validated
@ConfigurationProperties("billing.promises.expiry-sweep")
public record PromiseExpirySettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("PT2S") @NotNull Duration poll,
    @DefaultValue("250") @Min(1) @Max(1000) int chunkSize,
    @DefaultValue("4") @Min(1) @Max(32) int threads,
    @DefaultValue("PT15M") @NotNull Duration backstop) {

  /** When a promise that ends at {@code endsAt} is closed by its own process if no sweep closed it. */
  public Instant closeBy(Instant endsAt) {
    return enabled ? endsAt.plus(backstop) : endsAt;
  }
}
