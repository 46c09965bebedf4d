-- A stable reference per message (docs/architecture.md, "Notifications": what guarantees one message per contact).
-- Sent as SMPP's user_message_reference with every part and every attempt of the message, and echoed by the SMSC in
-- its delivery receipts, so that a receipt for a submit whose answer was never recorded (the process stopped, or the
-- submit_sm_resp never came) still finds its message. 16 bits is what the parameter holds: the sequence cycles, and
-- a receipt is matched only against the few messages whose outcome is unknown (status SENDING), never all of them.
CREATE SEQUENCE notification_reference AS integer MINVALUE 1 MAXVALUE 65535 CYCLE;
ALTER TABLE notification ADD COLUMN reference integer NOT NULL DEFAULT nextval('notification_reference');
-- Receipts look for an unknown outcome by reference.
CREATE INDEX notification_sending_reference ON notification (reference) WHERE status = 'SENDING';
-- When the SMSC took the message (every part answered or proved by receipts): the daily report's "notified".
ALTER TABLE notification ADD COLUMN submitted_at timestamptz;
