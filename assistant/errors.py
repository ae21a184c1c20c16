"""User-facing errors: each message names the file or field and says what to do next."""


class AssistantError(Exception):
    """An error the CLI and the app show to the user as is (Swedish), with a non-zero exit."""


class IngestError(AssistantError):
    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path


class IndexMismatchError(AssistantError):
    pass
