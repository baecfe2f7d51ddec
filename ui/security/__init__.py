"""The idle lock, the passphrase dialogs, the security actions and the audit log."""
