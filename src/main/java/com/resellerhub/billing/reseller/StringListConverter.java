package com.resellerhub.billing.reseller;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** A list of strings kept in one VARCHAR column, one entry a line; an empty list is NULL. */
@Converter
class StringListConverter implements AttributeConverter<List<String>, String> {

  @Override
  public String convertToDatabaseColumn(List<String> values) {
    return values == null || values.isEmpty() ? null : String.join("\n", values);
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split("\n"));
  }
}
