# report: ru
