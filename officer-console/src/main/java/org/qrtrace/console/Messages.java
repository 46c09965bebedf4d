package org.qrtrace.console;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's texts (Qute message bundle {@code m}): Vietnamese by default ({@code messages/m_vi.properties}), English
 * in {@code messages/m_en.properties}. One method per key, no text here (MessagesTest checks both files have every key).
 */
@MessageBundle(value = "m", locale = "vi")
public interface Messages {

    String app_name();

    String nav_label();

    String nav_cases();

    String nav_clusters();

    String nav_reports();

    String nav_audit();

    String header_jurisdiction();

    String other_lang_label();

    String sign_out();

    String sign_in();

    String footer();

    String all();

    String search();

    String save();

    String optional();

    String note();

    String home();

    String overdue();

    String cases_title();

    String cases_status();

    String cases_unit();

    String cases_none();

    String case_title();

    String case_reference();

    String case_confirmed();

    String case_unit();

    String case_status();

    String case_opened_by();

    String case_OPEN();

    String case_CLOSED();

    String case_chain();

    String case_chain_root();

    String open_title();

    String open_hint();

    String open_phone();

    String open_confirmed();

    String open_linked();

    String open_submit();

    String open_done();

    String contacts_title();

    String contacts_none();

    String filter_tier();

    String filter_status();

    String filter_venue();

    String filter_sort();

    String filter_apply();

    String sort_tier();

    String sort_exposure();

    String sort_status();

    String sort_notification();

    String col_tier();

    String col_phone();

    String col_venues();

    String col_exposure();

    String col_follow_until();

    String col_sms();

    String col_follow_up();

    String phone_hidden();

    String phone_hidden_hint();

    String fu_none();

    String fu_REACHED();

    String fu_QUARANTINED();

    String fu_TESTED_NEGATIVE();

    String fu_TESTED_POSITIVE();

    String fu_UNREACHABLE();

    String sms_QUEUED();

    String sms_SENDING();

    String sms_SUBMITTED();

    String sms_DELIVERED();

    String sms_FAILED();

    String sms_EXPIRED();

    String followup_saved();

    String graph_title();

    String graph_hint();

    String graph_case();

    String graph_venue();

    String graph_via_f1();

    String timeline_title();

    String timeline_none();

    String timeline_no_index();

    String timeline_index();

    String query_title();

    String query_from();

    String query_to();

    String query_buffer();

    String query_overlap();

    String query_depth();

    String query_submit();

    String query_done();

    String query_index_visits();

    String query_omitted();

    String query_csv();

    String notify_title();

    String notify_tiers();

    String notify_language();

    String notify_preview();

    String notify_preview_none();

    String notify_hint();

    String notify_submit();

    String notify_done();

    String notify_queued();

    String notify_already();

    String notify_unreachable();

    String notify_outside();

    String site_title();

    String site_venue();

    String site_from();

    String site_to();

    String site_advice();

    String site_submit();

    String site_done();

    String site_none();

    String site_published();

    String site_status();

    String site_listed();

    String site_withdrawn();

    String site_withdraw();

    String site_withdrawn_done();

    String site_no_venues();

    String clusters_title();

    String clusters_hint();

    String clusters_days();

    String clusters_window();

    String clusters_none();

    String clusters_unavailable();

    String clusters_cases();

    String col_venue();

    String col_place();

    String col_cases();

    String col_visits();

    String col_first();

    String col_last();

    String report_title();

    String report_date();

    String report_show();

    String report_snapshot_taken();

    String report_snapshot_none();

    String report_csv();

    String report_pdf();

    String report_adoption_chart();

    String report_trend();

    String report_table();

    String report_not_placed();

    String report_snapshot_col_hint();

    String report_pdf_title();

    String report_pdf_generated();

    String col_unit();

    String col_level();

    String col_checkins();

    String col_visitors();

    String col_active_venues();

    String col_population();

    String col_adoption();

    String col_contacts();

    String col_notified();

    String col_delivered();

    String col_reached();

    String col_snapshot();

    String level_PROVINCE();

    String level_DISTRICT();

    String level_COMMUNE();

    String level_NOT_PLACED();

    String audit_title();

    String audit_hint();

    String audit_at();

    String audit_who();

    String audit_role();

    String audit_action();

    String audit_rows();

    String audit_parameters();

    String audit_older();

    String action_EXPOSURE_QUERY();

    String action_EXPOSURE_QUERY_READ();

    String action_EXPOSURE_EXPORT();

    String action_VENUE_PRESENCE_READ();

    String action_CASE_OPEN();

    String action_CASE_LIST();

    String action_CASE_READ();

    String action_CASE_CHAIN_READ();

    String action_CASE_CONTACTS_READ();

    String action_CASE_CONTACT_FOLLOW_UP();

    String action_CASE_CONTACTS_NOTIFY();

    String action_EXPOSURE_SITE_PUBLISH();

    String action_EXPOSURE_SITE_WITHDRAW();

    String action_CASE_SITES_READ();

    String action_CLUSTER_LIST();

    String error_title();

    String err_bad_request();

    String err_forbidden();

    String err_not_found();

    String err_conflict();

    String err_unauthorized();

    String err_service();

    String error_bad_request();

    String error_unauthorized();

    String error_forbidden();

    String error_not_found();

    String error_conflict();

    String error_service_error();

    String error_csrf();

    String error_role();

    String error_unreachable();

    String error_internal();

    String err_required();

    String err_datetime();

    String err_date();

    String err_future();

    String err_number();

    String err_range();

    String err_phone();

    String err_unit();

    String err_choice();

    String err_order();

    String err_note();

    String err_tiers();

    String err_uuid();

    String signed_out_title();

    String signed_out_text();

    String session_expired_title();

    String session_expired_text();

    String sign_in_error_title();

    String sign_in_error_text();
}
