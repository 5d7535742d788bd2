"""Who may open each accounts page (see eolc/core/tests/walk.py)."""

from eolc.core.tests.walk import HIDDEN, OK, Expect

ACCESS = {
    "accounts:profile": Expect(OK),
    "accounts:profile_edit": Expect(OK),
    "accounts:delete_account": Expect(OK),
    "account_login": Expect(OK, anonymous=OK, why="the sign-in page"),
    "account_logout": Expect(OK, anonymous=OK, why="signed-out visitors are sent to the home page"),
    "account_inactive": Expect(
        OK, anonymous=OK, why="explains that an account is closed, shown after a refused sign-in"
    ),
    "account_signup": Expect(OK, anonymous=OK, why="create an account"),
    "account_reauthenticate": Expect(OK),
    "account_email": Expect(OK),
    "account_email_verification_sent": Expect(OK, anonymous=OK, why="'check your email' after signing up"),
    "account_change_password": Expect(OK),
    "account_set_password": Expect(OK),
    "account_reset_password": Expect(OK, anonymous=OK, why="ask for a password reset email"),
    "account_confirm_login_code": Expect(OK),
    "account_confirm_email": Expect(
        OK, anonymous=OK, why="the link in the confirmation email; the key is the credential"
    ),
    "account_reset_password_from_key_done": Expect(OK, anonymous=OK, why="'your password has been changed'"),
    "account_reset_password_from_key": Expect(
        OK, anonymous=OK, why="the link in the reset email; the key is the credential"
    ),
    "account_reset_password_done": Expect(
        OK, anonymous=OK, why="'check your email' after asking for a reset"
    ),
    "mfa_index": Expect(OK),
    "mfa_authenticate": Expect(OK),
    "mfa_reauthenticate": Expect(OK),
    "mfa_activate_totp": Expect(OK),
    "mfa_deactivate_totp": Expect(OK, learner=HIDDEN, champion=HIDDEN, commissioner=HIDDEN),
    "mfa_view_recovery_codes": Expect(HIDDEN),
    "mfa_generate_recovery_codes": Expect(OK),
    "mfa_download_recovery_codes": Expect(HIDDEN),
}
