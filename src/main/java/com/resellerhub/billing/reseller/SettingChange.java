package com.resellerhub.billing.reseller;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audited change of one reseller setting: who changed it when, from what to what. Never updated. */
@Entity
@Table(name = "reseller_setting_change")
public class SettingChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "reseller_id", nullable = false)
  private Long resellerId;

  @Column(nullable = false, length = 64)
  private String setting;

  @Column(name = "old_value", length = 4000)
  private String oldValue;

  @Column(name = "new_value", length = 4000)
  private String newValue;

  @Column(nullable = false, length = 64)
  private String actor;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  protected SettingChange() {}

  SettingChange(Long resellerId, String setting, String oldValue, String newValue, String actor, Instant changedAt) {
    this.resellerId = resellerId;
    this.setting = setting;
    this.oldValue = oldValue;
    this.newValue = newValue;
    this.actor = actor;
    this.changedAt = changedAt;
  }

  public Long getId() {
    return id;
  }

  public String getSetting() {
    return setting;
  }

  public String getOldValue() {
    return oldValue;
  }

  public String getNewValue() {
    return newValue;
  }

  public String getActor() {
    return actor;
  }

  public Instant getChangedAt() {
    return changedAt;
  }
}
