package com.resellerhub.billing.platform;

/** Text written to a bounded column (a history entry's detail, an audit value). */
public final class Text {

  private Text() {}

  /** The text as it is when it fits {@code max} characters, else cut to fit with "..." at the end; null stays null. */
  public static String shorten(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }
}
