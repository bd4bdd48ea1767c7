package com.resellerhub.billing.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a list, the same shape in every API: content, page number, size, total elements and pages. */
public record PageOf<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

  public static <S, T> PageOf<T> of(Page<S> page, Function<S, T> view) {
    return new PageOf<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
        page.getTotalElements(), page.getTotalPages());
  }
}
