package com.resellerhub.billing.account;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** ACC-2: an extra attribute an account type asks for: its name, label, whether required, and a regex pattern. */
@Embeddable
public class AttributeDefinition {

  @Column(nullable = false, length = 64)
  private String name;

  @Column(nullable = false, length = 200)
  private String label;

  @Column(nullable = false)
  private boolean required;

  @Column(length = 500)
  private String pattern;

  protected AttributeDefinition() {}

  public AttributeDefinition(String name, String label, boolean required, String pattern) {
    this.name = name;
    this.label = label;
    this.required = required;
    this.pattern = pattern;
  }

  public String getName() {
    return name;
  }

  public String getLabel() {
    return label;
  }

  public boolean isRequired() {
    return required;
  }

  public String getPattern() {
    return pattern;
  }
}
