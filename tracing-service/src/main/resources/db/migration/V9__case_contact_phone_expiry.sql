-- Case data retention (CaseDataRetention): contacts whose phone is still kept, by last exposure.
CREATE INDEX case_contact_phone_expiry ON case_contact (last_exposure) WHERE sealed_contact IS NOT NULL;
