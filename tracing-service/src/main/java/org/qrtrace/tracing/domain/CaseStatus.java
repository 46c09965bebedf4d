package org.qrtrace.tracing.domain;

/** Where a confirmed case stands. Cases open as OPEN; closing one is a later part of issue #18. */
public enum CaseStatus { OPEN, CLOSED }
