# app: ru
