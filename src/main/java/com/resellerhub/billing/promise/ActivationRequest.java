package com.resellerhub.billing.promise;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** A manager sets the activation date (PROM-6); default today. */
public record ActivationRequest(@Schema(example = "2027-04-02") LocalDate activatedOn) {}
