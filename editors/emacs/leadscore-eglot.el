;;; leadscore-eglot.el --- leadscore models in Emacs with eglot  -*- lexical-binding: t; -*-
;; Load it from your init file: (load "/path/to/editors/emacs/leadscore-eglot.el")
;; Needs Emacs 29 (eglot built in) or the eglot package, and `leadscore' on PATH.

(define-derived-mode leadscore-mode prog-mode "leadscore"
  "Major mode for leadscore models (.score) and schemas (.schema)."
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+\\s-*")
  (modify-syntax-entry ?# "<" leadscore-mode-syntax-table)
  (modify-syntax-entry ?\n ">" leadscore-mode-syntax-table)
  (modify-syntax-entry ?_ "_" leadscore-mode-syntax-table)
  (setq-local font-lock-defaults
              `((,(regexp-opt '("model" "schema" "import" "let" "group" "when" "reject" "score"
                                "qualify" "tier" "test" "add" "subtract" "per" "up" "to" "as"
                                "min" "max" "decay" "every" "days" "since" "at" "and" "or" "not"
                                "in" "any" "all" "of" "matches" "starts" "ends" "with" "contains"
                                "is" "present" "missing" "within" "older" "than" "before" "after"
                                "lead" "expect")
                              'words)))))

(add-to-list 'auto-mode-alist '("\\.score\\'" . leadscore-mode))
(add-to-list 'auto-mode-alist '("\\.schema\\'" . leadscore-mode))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(leadscore-mode . ("leadscore" "lsp"))))

(add-hook 'leadscore-mode-hook #'eglot-ensure)

(provide 'leadscore-eglot)
;;; leadscore-eglot.el ends here
