package org.qrtrace.tracing.domain;

/** F1: overlapped the index case; F2: overlapped an F1 after that F1's exposure. */
public enum Tier { F1, F2 }
